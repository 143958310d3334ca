export const callCentreMessages = {
  en: { tierwise: { callCentre: {} } },
  zh: { tierwise: { callCentre: {} } },
};
