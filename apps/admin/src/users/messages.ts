export const usersMessages = {
  en: { tierwise: { users: {} } },
  zh: { tierwise: { users: {} } },
};
