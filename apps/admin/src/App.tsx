import { Suspense } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/auth-provider';
import { dataProvider } from './api/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { CallCentrePage } from './call-centre/CallCentrePage';
import type { Role } from './auth/token-store';
import { canReadAudit, isAgent } from './auth/capabilities';
import customers from './customers';
import policies, { PolicyDiffPage, PolicyVersionPage } from './policies';
import { DraftEditorPage } from './policy-editor';
import tierHistory from './tier-history';
import gradingRuns from './grading-runs';
import auditEvents from './audit-events';
import users from './users';
import { HomePage } from './layout/HomePage';

// One Admin; resources and routes follow the role (the api enforces the same). An agent
// gets the call-centre screen only, as home page.
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={ConsoleLayout}
      dashboard={HomePage}
      title="Tierwise"
      disableTelemetry
      requireAuth
    >
      {(role: Role | undefined) => (
        <>
          <CustomRoutes>
            <Route path="/call-centre" element={<CallCentrePage />} />
          </CustomRoutes>
          {!isAgent(role) && (
            <>
              <Resource name="customers" {...customers} />
              <Resource name="policies" {...policies}>
                <Route path=":policyId/versions/:version" element={<PolicyVersionPage />} />
                <Route path=":policyId/diff" element={<PolicyDiffPage />} />
                <Route
                  path=":policyId/versions/:version/edit"
                  element={
                    <Suspense fallback={<Loading />}>
                      <DraftEditorPage />
                    </Suspense>
                  }
                />
              </Resource>
              <Resource name="tier-history" {...tierHistory} />
              <Resource name="grading-runs" {...gradingRuns} />
            </>
          )}
          {canReadAudit(role) && (
            <>
              <Resource name="audit-events" {...auditEvents} />
              <Resource name="users" {...users} />
            </>
          )}
        </>
      )}
    </Admin>
  );
}
