// The graph's contracts: uniqueness of every node's id and the indexes the queries use.
// Applied idempotently (IF NOT EXISTS) before the API serves; one statement per `;`.

// Every node also carries the Entity label, so any node can be found by id without knowing its
// label, and ids are unique across the whole graph. Each label of the model (schema/graph-model.ts)
// also gets its own `<label>_id` uniqueness constraint, made from the model's list by
// server/src/db/graph-schema.ts, so a new label needs no line here.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Lookups the alignment questions make.
CREATE INDEX plan_status IF NOT EXISTS FOR (n:Plan) ON (n.status);
CREATE INDEX priority_corporate IF NOT EXISTS FOR (n:Priority) ON (n.corporate);
CREATE INDEX authority_kind IF NOT EXISTS FOR (n:Authority) ON (n.kind);
CREATE INDEX authority_legislation IF NOT EXISTS FOR (n:Authority) ON (n.legislationId);
CREATE INDEX evidence_kind IF NOT EXISTS FOR (n:Evidence) ON (n.kind);

// Full-text search over what people read: titles and statements (item_text, over the model's
// searchableLabels, made by server/src/db/graph-schema.ts), and the source excerpts.
// (item_text replaced entity_text, which held the observations too.)
DROP INDEX entity_text IF EXISTS;
CREATE FULLTEXT INDEX source_excerpt IF NOT EXISTS FOR ()-[r:SOURCED_FROM]-() ON EACH [r.excerpt];

// The plan each priority, objective and action belongs to (recorded by the loader), for
// questions scoped to one plan.
CREATE INDEX priority_plan IF NOT EXISTS FOR (n:Priority) ON (n.planId);
CREATE INDEX objective_plan IF NOT EXISTS FOR (n:Objective) ON (n.planId);
CREATE INDEX action_plan IF NOT EXISTS FOR (n:Action) ON (n.planId);

// The history of changes made through the API, found by the node (or link end) they concern.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_subject IF NOT EXISTS FOR (c:Change) ON (c.subjectId);
CREATE INDEX change_object IF NOT EXISTS FOR (c:Change) ON (c.objectId);

// What the legislation update (npm run legislation) keeps beside the model, without the Entity
// label: the statute catalogue, and the effects (amendments, repeals, commencements) on the law
// the graph links to. Provisions it loads are found by their legislation.gov.uk identifier.
CREATE CONSTRAINT statute_entry_id IF NOT EXISTS FOR (n:StatuteEntry) REQUIRE n.legislationId IS UNIQUE;
CREATE INDEX statute_entry_title IF NOT EXISTS FOR (n:StatuteEntry) ON (n.titleKey);
CREATE CONSTRAINT effect_id IF NOT EXISTS FOR (n:Effect) REQUIRE n.id IS UNIQUE;
CREATE INDEX provision_legislation IF NOT EXISTS FOR (n:Provision) ON (n.legislationId);
