/** The slice of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  readonly operationId?: string;
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  readonly requestBody?: { readonly content?: Record<string, { schema?: JsonSchema }> };
}

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly example?: unknown;
}

/** What a body field or query parameter holds, as far as malformed values go. */
export type ValueKind =
  'uuid' | 'uuid[]' | 'date' | 'instant' | 'boolean' | 'number' | 'enum' | 'uri' | 'sha256' | 'text' | 'text[]' | 'object';

export interface FieldSpec {
  readonly name: string;
  readonly kind: ValueKind;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly enumValues?: readonly unknown[];
}

/** One operation of the API, as the fuzzer drives it. */
export interface Operation {
  readonly method: 'get' | 'post';
  /** The OpenAPI path, e.g. `/api/v1/partnerships/{pid}/actions/{aid}/agree`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly FieldSpec[];
  /** JSON body fields (POST with an application/json body). */
  readonly body: readonly FieldSpec[] | null;
  /** Non-JSON request media types (the spreadsheet import). */
  readonly uploadTypes: readonly string[];
}

const DATE_EXAMPLE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_NAMES = new Set(['asOf', 'validAt', 'from', 'to', 'time', 'occurredAt']);

/** Every GET and POST under /api/v1 (health and metrics take no input worth fuzzing). */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      if (method !== 'get' && method !== 'post') continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method,
        path,
        // From the template: not every operation lists the controller-level {pid} among its parameters.
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => fieldOf(p.name, resolve(document, p.schema ?? {}), p.required === true, true)),
        body: json ? bodyFields(document, resolve(document, json)) : null,
        uploadTypes: Object.keys(content).filter((type) => type !== 'application/json'),
      });
    }
  }
  return operations;
}

function bodyFields(document: OpenApiDocument, schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldOf(name, resolve(document, property), required.has(name), false),
  );
}

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] ?? {};
}

function fieldOf(name: string, schema: JsonSchema, required: boolean, inQuery: boolean): FieldSpec {
  const base = { name, required, ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}) };
  return { ...base, kind: kindOf(name, schema, inQuery), ...(schema.enum ? { enumValues: schema.enum } : {}) };
}

function kindOf(name: string, schema: JsonSchema, inQuery: boolean): ValueKind {
  if (schema.enum) return 'enum';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'object') return 'object';
  if (schema.type === 'array') return schema.items?.format === 'uuid' ? 'uuid[]' : 'text[]';
  // Body fields say format: uuid; query ids named …Id are uuids too (some lack the format).
  if (schema.format === 'uuid' || (inQuery && /Id$/.test(name))) return 'uuid';
  if (INSTANT_NAMES.has(name) || (typeof schema.example === 'string' && schema.example.includes('T') && /^\d{4}-/.test(schema.example)))
    return 'instant';
  if (typeof schema.example === 'string' && DATE_EXAMPLE.test(schema.example)) return 'date';
  if (/Date$|^effectiveFrom$/.test(name)) return 'date';
  if (name === 'uri') return 'uri';
  if (name === 'sha256') return 'sha256';
  return 'text';
}
