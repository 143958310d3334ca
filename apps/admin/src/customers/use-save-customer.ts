import { useState } from 'react';
import { HttpError, useLogoutIfAccessDenied, useNotify, useRedirect, useRefresh } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { requestJson } from '../api/http-client';
import type { Customer } from './customer';
import { factsForSaving, isBlank } from './fact-validation';
import { fieldProblemsOf, placeProblems, type FieldProblem } from './problem-fields';
import { phoneForSaving } from './phone';

export interface CustomerSave {
  /** The form's onSubmit: resolves to the field errors the api reported, which react-admin shows on their fields. */
  save: (values: FieldValues) => Promise<Record<string, unknown> | undefined>;
  /** Problems no field shows. */
  unplaced: FieldProblem[];
  /** Set when someone else saved first (412): the api's words. */
  conflict: string | undefined;
}

/**
 * PUT /customers/{id} with If-Match: "<version the form was loaded at>", so a save never
 * overwrites a change made meanwhile (the api answers 412 instead).
 */
export function useSaveCustomer(customer: Customer | undefined, factNames: readonly string[]): CustomerSave {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const [conflict, setConflict] = useState<string | undefined>();

  const save = async (values: FieldValues) => {
    setUnplaced([]);
    setConflict(undefined);
    if (!customer) return undefined;
    const body = {
      name: typeof values['name'] === 'string' ? values['name'].trim() : (values['name'] as unknown),
      phone: isBlank(values['phone']) ? null : phoneForSaving(String(values['phone'])),
      facts: catalogueFacts(factsForSaving(values['facts'] as Record<string, unknown> | undefined), factNames),
    };
    try {
      await requestJson<Customer>(`/customers/${encodeURIComponent(customer.id)}`, {
        method: 'PUT',
        headers: new Headers({ Accept: 'application/json', 'If-Match': `"${customer.version}"` }),
        body: JSON.stringify(body),
      });
      notify('tierwise.customers.edit.saved', { type: 'success' });
      refresh();
      redirect('show', 'customers', customer.id);
      return undefined;
    } catch (error) {
      await logoutIfAccessDenied(error);
      if (error instanceof HttpError && error.status === 412) {
        setConflict(error.message);
        return undefined;
      }
      const placed = placeProblems(fieldProblemsOf(error instanceof HttpError ? error.body : undefined), factNames);
      const message = error instanceof Error ? error.message : String(error);
      const nothingPlaced = Object.keys(placed.fields).length === 0 && placed.unplaced.length === 0;
      // react-admin announces a submission that came back with field errors ("the form is not valid").
      setUnplaced(nothingPlaced ? [{ path: '', message }] : placed.unplaced);
      return placed.fields;
    }
  };

  return { save, unplaced, conflict };
}

// Facts the policy in force no longer has would be refused (unknown fact); the form warns that they are dropped.
function catalogueFacts(facts: Record<string, unknown>, factNames: readonly string[]): Record<string, unknown> {
  if (factNames.length === 0) return facts;
  return Object.fromEntries(Object.entries(facts).filter(([name]) => factNames.includes(name)));
}
