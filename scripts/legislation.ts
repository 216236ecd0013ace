/**
 * `npm run legislation -- catalogue|sections|effects [--from <folder>] [--acts <ids>] [--types <codes>] [--contact <e-mail or URL>]`
 * Keeps the law in the graph (NEO4J_URI, or the local server) up to date from legislation.gov.uk,
 * for a deployment to run on a schedule: `catalogue` refreshes the statute catalogue (titles,
 * years and numbers of the types given, by default ukpga and uksi), `sections` loads the
 * sections, parts and schedules of every Act the graph links to, `effects` loads the amendments,
 * repeals and commencements on them. --from reads the same files from a folder laid out as the
 * service's paths instead of the network; --acts takes comma-separated identifiers
 * (`ukpga/1989/41,ukpga/2014/23`). Progress goes to stderr; a run over unchanged data writes
 * nothing. Requests keep to the service's fair-use policy (see server/src/legislation/source.ts).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../server/src/config.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { folderSource, legislationFetcher } from '../server/src/legislation/source.ts';
import { updateCatalogue, updateEffects, updateSections } from '../server/src/legislation/update.ts';
import { LegislationDataError } from '../server/src/legislation/xml.ts';
import { connectionSettings } from '../server/src/main.ts';
import { neo4jForScripts } from './environment.ts';

const usage = 'npm run legislation -- catalogue|sections|effects [--from <folder>] [--acts <ids>] [--types <codes>] [--contact <e-mail or URL>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    acts: { type: 'string' },
    types: { type: 'string' },
    contact: { type: 'string', default: process.env.LEGISLATION_CONTACT },
  },
});
const [command, ...extra] = positionals;
if (!command || !['catalogue', 'sections', 'effects'].includes(command) || extra.length) {
  console.error(`Say what to update: ${usage}`);
  process.exit(2);
}
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const progress = (message: string) => console.error(message);
const source = values.from ? folderSource(resolve(values.from)) : legislationFetcher({ contact: values.contact, log: progress });
const { settings } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const gateway = createGateway(connectionSettings(settings));
try {
  await applyGraphSchema(gateway);
  progress(`Reading legislation.gov.uk data from ${source.description}.`);
  const options = { gateway, source, progress, acts: list(values.acts) };
  const result =
    command === 'catalogue'
      ? await updateCatalogue({ ...options, types: list(values.types) })
      : command === 'sections'
        ? await updateSections(options)
        : await updateEffects(options);
  console.log(JSON.stringify({ command, ...result }));
} catch (error) {
  if (!(error instanceof LegislationDataError)) throw error;
  console.error(`${error.message}\nNothing was written.`);
  process.exitCode = 1;
} finally {
  await gateway.close();
}
