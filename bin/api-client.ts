// `npm run generate:web-client`: the web application's API types, generated from the OpenAPI
// document the API serves (never written by hand). With --check, fails when the committed file
// differs from what the API's routes generate now.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../api/app.ts';
import { localTokenVerifier } from '../api/auth.ts';
import { createDatabase } from '../prisma/database.ts';

export const webClientTypesFile = fileURLToPath(new URL('../web/src/api/schema.ts', import.meta.url));

/** The OpenAPI document of the API's routes, built without connecting to anything. */
export async function openApiDocument(): Promise<object> {
  const connection = Connection.lazy({ address: '127.0.0.1:7233' });
  const db = createDatabase('postgresql://unused@127.0.0.1:1/unused');
  const app = await buildApp({
    db, temporal: new Client({ connection }), taskQueue: 'unused', verifier: localTokenVerifier('unused-secret-unused-secret-unused'),
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

export async function webClientTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())));
  return `// Generated from the API's OpenAPI document by \`npm run generate:web-client\`: do not edit.\n${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const types = await webClientTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(webClientTypesFile, 'utf8') !== types) {
      process.stderr.write('web/src/api/schema.ts is not what the API generates: run `npm run generate:web-client`\n');
      process.exit(1);
    }
  } else {
    writeFileSync(webClientTypesFile, types);
  }
}
