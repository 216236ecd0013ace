/**
 * The peer API for `npm run bench:peer`: @neo4j/graphql over the graph model (peer-model.ts),
 * served by GraphQL Yoga on node:http as the project's API is, in a process of its own.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7689 PORT=4021 tsx bench/peer-server.ts
 *   PRINT_SCHEMA=1 tsx bench/peer-server.ts     # prints the schema @neo4j/graphql generates
 */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { peerTypeDefs } from './peer-model.ts';

const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7689';
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), { userAgent: 'bench-peer' });
const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver }).getSchema();

if (process.env.PRINT_SCHEMA) {
  console.log(printSchema(schema));
  await driver.close();
} else {
  // As the project serves in production: no GraphiQL, errors masked, warnings only in the log.
  const sessionConfig = process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : undefined;
  const yoga = createYoga({
    schema,
    context: () => ({ sessionConfig }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    maskedErrors: true,
    logging: 'warn',
  });
  const server = createServer(yoga);
  const port = Number(process.env.PORT ?? 4021);
  server.listen(port, '127.0.0.1', () => console.log(`peer (@neo4j/graphql) at http://127.0.0.1:${port}/graphql over ${uri}`));
  const stop = () => {
    server.close(() => void driver.close().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
