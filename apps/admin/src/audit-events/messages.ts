export const auditEventsMessages = {
  en: { tierwise: { auditEvents: {} } },
  zh: { tierwise: { auditEvents: {} } },
};
