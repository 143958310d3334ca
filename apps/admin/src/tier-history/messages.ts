export const tierHistoryMessages = {
  en: {
    tierwise: {
      tierHistory: {
        menu: 'Tier history',
        title: 'Tier history of all customers',
        fields: {
          at: 'When',
          customer: 'Customer',
          change: 'From → to',
          score: 'Score',
          cause: 'Cause',
          policyVersion: 'Policy version',
          actor: 'Who',
        },
        filters: {
          customerId: 'Customer id',
          cause: 'Cause',
          from: 'From date',
          to: 'To date (inclusive)',
          tier: 'Into or out of tier',
          policyVersion: 'Policy version number',
        },
        cause: {
          'policy-publish': 'Policy published',
          'fact-change': 'Facts changed',
          'manual-override': 'Manual override',
          regrade: 'Re-grading',
        },
        change: 'From %{from} to %{to}',
        firstGrading: 'first grading',
        noTier: 'no tier',
        openCustomer: 'Open customer %{id}',
        policyVersion: '%{policy} v%{version}',
      },
    },
  },
  zh: {
    tierwise: {
      tierHistory: {
        menu: '等级历史',
        title: '全部客户的等级历史',
        fields: {
          at: '时间',
          customer: '客户',
          change: '原等级 → 新等级',
          score: '得分',
          cause: '原因',
          policyVersion: '规则版本',
          actor: '操作人',
        },
        filters: {
          customerId: '客户编号',
          cause: '原因',
          from: '开始日期',
          to: '结束日期（含当天）',
          tier: '调入或调出的等级',
          policyVersion: '规则版本号',
        },
        cause: {
          'policy-publish': '规则发布',
          'fact-change': '客户数据变更',
          'manual-override': '人工调整',
          regrade: '重新评级',
        },
        change: '由 %{from} 调整为 %{to}',
        firstGrading: '首次评级',
        noTier: '无等级',
        openCustomer: '打开客户 %{id}',
        policyVersion: '%{policy} 第 %{version} 版',
      },
    },
  },
};
