export const policiesMessages = {
  en: { tierwise: { policies: {} } },
  zh: { tierwise: { policies: {} } },
};
