// Integration and browser tests need the real Neo4j that `npm test` provides.
if (!process.env.NEO4J_URI) {
  throw new Error('NEO4J_URI is not set: run these tests through `npm test`, which starts Neo4j and loads the seed data.');
}
