export const tierHistoryMessages = {
  en: { tierwise: { tierHistory: {} } },
  zh: { tierwise: { tierHistory: {} } },
};
