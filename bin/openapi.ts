// `npm run lint:openapi`: writes the API's OpenAPI document (built offline, as the routes declare
// it) to the path given, for the linter and for clients to generate from.
import { writeFileSync } from 'node:fs';
import { openApiDocument } from './web-client.ts';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: tsx bin/openapi.ts <file.json>\n');
  process.exit(2);
}
writeFileSync(path, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
