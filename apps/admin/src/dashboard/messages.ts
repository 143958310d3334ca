export const dashboardMessages = {
  en: { tierwise: { dashboard: {} } },
  zh: { tierwise: { dashboard: {} } },
};
