export const policyEditorMessages = {
  en: { tierwise: { policyEditor: {} } },
  zh: { tierwise: { policyEditor: {} } },
};
