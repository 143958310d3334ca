export const customersMessages = {
  en: { tierwise: { customers: {} } },
  zh: { tierwise: { customers: {} } },
};
