import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { describeRule, type RuleSubject } from './describe-rule';
import type { PolicyDocument, RuleTrace } from './policy-types';
import { traceTree, type TraceNode } from './trace-tree';
import { formatValue, operatorSymbol } from './format-value';
import { useDocumentLabels, type DocumentLabels } from './use-document-labels';

const STAGES: RuleTrace['stage'][] = ['scorecard', 'tier', 'treatment'];

/** json-rules-engine's trace, stage by stage, rule by rule, condition by condition, nested as the rule is written. */
export function TraceView({ trace, document }: { trace: RuleTrace[]; document: Partial<PolicyDocument> | undefined }) {
  const translate = useTranslate();
  const labels = useDocumentLabels(document);
  return (
    <Box>
      {STAGES.map((stage) => {
        const rules = trace.filter((rule) => rule.stage === stage);
        if (rules.length === 0) return null;
        const matched = rules.filter((rule) => rule.result).length;
        return (
          <Accordion key={stage} defaultExpanded={stage !== 'scorecard'} disableGutters>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography>
                {translate(`tierwise.policies.trace.stage.${stage}`)}{' '}
                <Typography component="span" color="text.secondary">
                  {translate('tierwise.policies.trace.matchedCount', { matched, total: rules.length })}
                </Typography>
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
              {rules.map((rule) => (
                <RuleTraceView key={rule.path} rule={rule} subject={describeRule(rule.path, document)} labels={labels} />
              ))}
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Box>
  );
}

function RuleTraceView({ rule, subject, labels }: { rule: RuleTrace; subject: RuleSubject; labels: DocumentLabels }) {
  const translate = useTranslate();
  const tree = traceTree(rule);
  const rows: { depth: number; node: TraceNode }[] = [];
  const walk = (node: TraceNode, depth: number) => {
    rows.push({ depth, node });
    if (node.kind === 'group') node.children.forEach((child) => walk(child, depth + 1));
  };
  if (tree) walk(tree, 0);
  return (
    <Box component="section" sx={{ mb: 2 }} aria-label={ruleTitle(subject, labels, translate)}>
      <Typography variant="subtitle2" component="h4" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {ruleTitle(subject, labels, translate)}
        <ResultChip result={rule.result} />
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('tierwise.policies.trace.noConditions')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('tierwise.policies.trace.fact')}</TableCell>
              <TableCell>{translate('tierwise.policies.trace.factValue')}</TableCell>
              <TableCell>{translate('tierwise.policies.trace.operator')}</TableCell>
              <TableCell>{translate('tierwise.policies.trace.expected')}</TableCell>
              <TableCell>{translate('tierwise.policies.trace.result')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ depth, node }) =>
              node.kind === 'group' ? (
                <TableRow key={node.path}>
                  <TableCell colSpan={4} sx={{ pl: 2 + depth * 3, fontStyle: 'italic' }}>
                    {translate(`tierwise.policies.trace.group.${node.operator}`)}
                  </TableCell>
                  <TableCell>
                    <ResultChip result={node.result} />
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={node.condition.path}>
                  <TableCell sx={{ pl: 2 + depth * 3 }}>
                    {labels.fact(node.condition.fact)}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      ({node.condition.fact})
                    </Typography>
                  </TableCell>
                  <TableCell>{formatValue(node.condition.factValue, translate('tierwise.policies.test.notGiven'))}</TableCell>
                  <TableCell title={node.condition.operator}>{operatorSymbol(node.condition.operator)}</TableCell>
                  <TableCell>{formatValue(node.condition.value, translate('tierwise.policies.test.notGiven'))}</TableCell>
                  <TableCell>
                    <ResultChip result={node.condition.result} />
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

function ResultChip({ result }: { result: boolean | null }) {
  const translate = useTranslate();
  if (result === null) return <Chip size="small" variant="outlined" label={translate('tierwise.policies.trace.notEvaluated')} />;
  return (
    <Chip
      size="small"
      color={result ? 'success' : 'default'}
      variant={result ? 'filled' : 'outlined'}
      label={translate(result ? 'tierwise.policies.trace.true' : 'tierwise.policies.trace.false')}
    />
  );
}

function ruleTitle(subject: RuleSubject, labels: DocumentLabels, translate: TranslateFunction): string {
  switch (subject.kind) {
    case 'tier':
      return translate('tierwise.policies.trace.tierRule', { tier: subject.tier, label: labels.tier(subject.tier) });
    case 'band':
      return translate('tierwise.policies.trace.bandRule', {
        criterion: labels.criterion(subject.criterion),
        band: subject.band,
        points: subject.points ?? '?',
      });
    case 'points-rule':
      return translate('tierwise.policies.trace.pointsRule', {
        criterion: labels.criterion(subject.criterion),
        rule: subject.rule,
        points: subject.points ?? '?',
      });
    case 'treatment':
      return translate('tierwise.policies.trace.treatmentRule', { rule: labels.treatmentRule(subject.rule), id: subject.rule });
    default:
      return subject.path;
  }
}
