import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Card, CardContent, IconButton, InputAdornment, LinearProgress, TextField } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Title, useTranslate } from 'react-admin';
import { DecisionCard } from './DecisionCard';
import type { LookupTarget } from './lookup-target';
import { useCustomerLookup, type LookupState } from './use-customer-lookup';

const T = 'tierwise.callCentre';

/**
 * The agent's home: one input, Enter looks the caller up, the answer appears below and the
 * input keeps focus with its text selected, so the next caller's id can be typed at once.
 * Nothing here reads policies or customers (agents may not): one request per lookup.
 */
export function CallCentrePage() {
  const translate = useTranslate();
  const { state, lookup, clear } = useCustomerLookup();
  const [input, setInput] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  // After each answer: focus stays in the input, text selected, ready for the next caller.
  useEffect(() => {
    if (state.status === 'loading') return;
    inputRef.current?.focus();
    if (state.status !== 'idle') inputRef.current?.select();
  }, [state]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    lookup(input);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setInput('');
    clear();
  };

  return (
    <Card>
      <Title title="tierwise.menu.callCentre" />
      <CardContent>
        <Box component="form" role="search" onSubmit={submit} sx={{ maxWidth: 560, mb: 2 }}>
          <TextField
            inputRef={inputRef}
            label={translate(`${T}.lookup`)}
            helperText={translate(`${T}.lookupHelp`)}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
            autoComplete="off"
            fullWidth
            slotProps={{
              htmlInput: { spellCheck: false },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton type="submit" edge="end" aria-label={translate(`${T}.lookUp`)} tabIndex={-1}>
                      <SearchIcon />
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
          />
        </Box>
        <Box id="call-centre-answer" aria-live="polite" aria-busy={state.status === 'loading'}>
          <LookupAnswer state={state} />
        </Box>
      </CardContent>
    </Card>
  );
}

function LookupAnswer({ state }: { state: LookupState }) {
  const translate = useTranslate();
  const named = (target: LookupTarget) => (target.kind === 'id' ? target.id : target.phone);
  switch (state.status) {
    case 'idle':
      return null;
    case 'loading':
      return <LinearProgress aria-label={translate(`${T}.lookingUp`, { target: named(state.target) })} />;
    case 'found':
      return <DecisionCard decision={state.decision} />;
    case 'invalid':
      return (
        <Alert severity="warning" role="alert">
          {translate(`${T}.invalid`, { input: state.input })}
        </Alert>
      );
    case 'not-found':
      return (
        <Alert severity="warning" role="alert" data-testid="lookup-not-found">
          {state.target.kind === 'id'
            ? translate(`${T}.notFoundId`, { id: state.target.id })
            : translate(`${T}.notFoundPhone`, { phone: state.target.phone })}
          {state.suggestion && ` ${translate(`${T}.suggestion`, { suggestion: state.suggestion })}`}
        </Alert>
      );
    case 'not-graded':
      return (
        <Alert severity="info" role="status">
          {translate(`${T}.notGraded`, { target: named(state.target) })}
        </Alert>
      );
    case 'failed':
      return (
        <Alert severity="error" role="alert">
          {translate(`${T}.failed`, { message: state.message })}
        </Alert>
      );
  }
}
