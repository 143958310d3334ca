export const shellMessages = {
  en: {
    tierwise: {
      menu: {
        callCentre: 'Call centre',
        dashboard: 'Dashboard',
      },
      role: { admin: 'admin', author: 'author', publisher: 'publisher', auditor: 'auditor', agent: 'agent' },
    },
  },
  zh: {
    tierwise: {
      menu: {
        callCentre: '呼叫中心',
        dashboard: '仪表盘',
      },
      role: { admin: '管理员', author: '规则编写者', publisher: '发布者', auditor: '审计员', agent: '坐席' },
    },
  },
};
