import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { searchAttributeRegistrations } from '../workflows/search-attributes.ts';

// CommonJS package: its namespaces are reachable through the default export only.
const { IndexedValueType } = proto.temporal.api.enums.v1;
const grpcUnimplemented = 12;
const types = { Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME };

/** Registers the session workflows' search attributes that the namespace lacks; returns their names. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace }).catch((error: { code?: number }) => {
    // The time-skipping test server cannot list them, but can add them.
    if (error.code === grpcUnimplemented) return { customAttributes: {} };
    throw error;
  });
  const missing = Object.entries(searchAttributeRegistrations).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length > 0) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, types[type]])),
    });
  }
  return missing.map(([name]) => name);
}
