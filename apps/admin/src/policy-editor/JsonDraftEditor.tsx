import { Alert, Box, List, ListItem, Typography } from '@mui/material';
import Editor from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { monaco } from './monaco-setup';

interface EditorMarker {
  line: number;
  column: number;
  text: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

interface JsonDraftEditorProps {
  modelPath: string;
  text: string;
  jsonError: string | null;
  readOnly: boolean;
  onChange: (text: string) => void;
}

/** The whole draft as JSON in Monaco, checked against the policy schema; its markers are also listed as text under it. */
export function JsonDraftEditor({ modelPath, text, jsonError, readOnly, onChange }: JsonDraftEditorProps) {
  const translate = useTranslate();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  // The editor owns its text while the user types; a change from outside (theirs loaded after a conflict) is pushed in.
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== text) editor.setValue(text);
  }, [text]);
  const describe = (marker: monaco.editor.IMarker): EditorMarker => {
    const model = editorRef.current?.getModel();
    const text = model ? model.getValueInRange(marker) : '';
    return {
      line: marker.startLineNumber,
      column: marker.startColumn,
      text: text.length > 80 ? `${text.slice(0, 77)}…` : text,
      message: marker.message,
      severity:
        marker.severity === monaco.MarkerSeverity.Error ? 'error' : marker.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
    };
  };
  return (
    <Box>
      {jsonError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('tierwise.policyEditor.json.invalid', { message: jsonError })}
        </Alert>
      )}
      <Box sx={{ border: 1, borderColor: 'divider' }}>
        <Editor
          height="60vh"
          defaultLanguage="json"
          path={modelPath}
          defaultValue={text}
          loading={translate('tierwise.policyEditor.json.loading')}
          // Without auto-indent and auto-closing, pasting a whole policy takes ~2 s instead of ~30 s in Chromium;
          // completion stays on Ctrl+Space.
          options={{
            readOnly,
            minimap: { enabled: false },
            autoIndent: 'none',
            autoClosingBrackets: 'never',
            autoClosingQuotes: 'never',
            quickSuggestions: false,
            ariaLabel: translate('tierwise.policyEditor.json.editorLabel'),
            tabSize: 2,
          }}
          onMount={(editor) => {
            editorRef.current = editor;
          }}
          onChange={(value) => onChange(value ?? '')}
          onValidate={(found) => setMarkers(found.map(describe))}
        />
      </Box>
      <Typography id="editor-markers-title" variant="subtitle1" component="h3" sx={{ mt: 1 }}>
        {translate('tierwise.policyEditor.json.markers')}
      </Typography>
      {markers.length === 0 ? (
        <Typography variant="body2">{translate('tierwise.policyEditor.json.noMarkers')}</Typography>
      ) : (
        <List dense aria-labelledby="editor-markers-title" data-testid="editor-markers">
          {markers.map((marker, i) => (
            <ListItem key={i} sx={{ color: marker.severity === 'error' ? 'error.main' : 'warning.main' }}>
              {translate('tierwise.policyEditor.json.marker', {
                line: marker.line,
                column: marker.column,
                text: marker.text ? `${marker.text}:` : '',
                message: marker.message,
              })}
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
