// `npm run generate:client`: the typed client's OpenAPI document and types (client/), generated
// from the routes (never written by hand); the web application uses the same types. With --check,
// fails when the committed files differ from what the routes generate now.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../api/app.ts';
import { localTokenVerifier } from '../api/auth.ts';
import { createDatabase } from '../prisma/database.ts';

export const clientTypesFile = fileURLToPath(new URL('../client/schema.ts', import.meta.url));
export const clientDocumentFile = fileURLToPath(new URL('../client/openapi.json', import.meta.url));

/**
 * The OpenAPI document of the API's routes, built without connecting to anything. It describes
 * both ways of signing in: the local bearer token and, as a deployment with AUTH_MODE=oidc serves
 * it, the organisation's provider (here a placeholder of its discovery address).
 */
export async function openApiDocument(): Promise<object> {
  const connection = Connection.lazy({ address: '127.0.0.1:7233' });
  const db = createDatabase('postgresql://unused@127.0.0.1:1/unused');
  const app = await buildApp({
    db, temporal: new Client({ connection }), taskQueue: 'unused', verifier: localTokenVerifier('unused-secret-unused-secret-unused'),
    openIdConnectUrl: 'https://identity.example.org/realms/caleol/.well-known/openid-configuration',
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

/** The client's two generated files, as the routes make them now. */
export async function clientFiles(): Promise<Record<string, string>> {
  const document = JSON.parse(JSON.stringify(await openApiDocument())) as Record<string, unknown>;
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return {
    [clientDocumentFile]: `${JSON.stringify(document, null, 2)}\n`,
    [clientTypesFile]: `// Generated from the API's OpenAPI document by \`npm run generate:client\`: do not edit.\n${astToString(ast)}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await clientFiles();
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([file, text]) => readFileSync(file, 'utf8') !== text).map(([file]) => file.slice(file.indexOf('client/')));
    if (stale.length > 0) {
      process.stderr.write(`${stale.join(', ')}: not what the API generates: run \`npm run generate:client\`\n`);
      process.exit(1);
    }
  } else {
    for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
  }
}
