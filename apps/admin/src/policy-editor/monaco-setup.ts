import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import { editorPolicySchema, POLICY_SCHEMA_URI } from './editor-schema';

// Monaco bundled by Vite, never fetched from a CDN (the console makes no request outside its origin):
// @monaco-editor/react gets this copy, and the workers are Vite worker chunks.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

// Every JSON model on the page is a policy (the draft, and both sides of a conflict).
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: POLICY_SCHEMA_URI, fileMatch: ['*'], schema: editorPolicySchema() }],
});

export { monaco };
