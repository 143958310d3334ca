import { Box } from '@mui/material';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { binLabel, type DashboardTiers, type ValueMatrix } from './dashboard-api';

// Loaded lazily (React.lazy in Dashboard.tsx): ECharts stays out of the login bundle.
echarts.use([BarChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

type Option = echarts.EChartsCoreOption;

function Chart({ option, label, height }: { option: Option; label: string; height: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <Box ref={element} role="img" aria-label={label} sx={{ width: '100%', height }} />;
}

export interface TierPyramidsProps {
  tiers: DashboardTiers;
  tierLabel: (id: string) => string;
  names: { countPyramid: string; valuePyramid: string };
}

export interface ValueMatrixChartProps {
  matrix: ValueMatrix;
  names: { matrix: string; valueAxis: string; potentialAxis: string };
}

/**
 * A pyramid of shares, the first tier (A) on top: one centred bar per tier, as wide as its share. The count
 * pyramid comes out narrow at the top (few A customers), the value pyramid wide at the top (most of the value).
 * A funnel chart would reorder or taper the slices; centred bars keep the tier order and show widths honestly.
 */
function pyramid(tiers: DashboardTiers, pick: 'customerShare' | 'valueShare', tierLabel: (id: string) => string): Option {
  const slices = [...tiers.tiers].reverse(); // the y axis runs upwards: the last category is drawn on top
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 1, show: false },
    yAxis: {
      type: 'category',
      data: slices.map((slice) => `${slice.tier} ${tierLabel(slice.tier)}`),
      axisTick: { show: false },
      axisLine: { show: false },
    },
    tooltip: { trigger: 'item', formatter: (item: { name: string; value: number }) => `${item.name}: ${percent(item.value)}` },
    series: [
      // an invisible bar first, half the missing width, so the visible one is centred
      {
        type: 'bar',
        stack: 'pyramid',
        silent: true,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: slices.map((slice) => (1 - slice[pick]) / 2),
      },
      {
        type: 'bar',
        stack: 'pyramid',
        barCategoryGap: '8%',
        label: { show: true, position: 'right', formatter: (item: { value: number }) => percent(item.value) },
        data: slices.map((slice) => slice[pick]),
      },
    ],
  };
}

function heatmap(matrix: ValueMatrix, names: ValueMatrixChartProps['names']): Option {
  const data: [number, number, number][] = [];
  let max = 1;
  matrix.counts.forEach((row, p) =>
    row.forEach((count, v) => {
      if (count > 0) data.push([v, p, count]);
      max = Math.max(max, count);
    }),
  );
  const valueSplit = matrix.value.edges.indexOf(matrix.value.split) - 0.5;
  const potentialSplit = matrix.potential.edges.indexOf(matrix.potential.split) - 0.5;
  return {
    tooltip: { position: 'top' },
    grid: { left: 70, right: 20, top: 20, bottom: 90 },
    xAxis: {
      type: 'category',
      name: names.valueAxis,
      nameLocation: 'middle',
      nameGap: 55,
      data: matrix.value.edges.map((_, index) => binLabel(matrix.value.edges, index)),
      axisLabel: { rotate: 45 },
    },
    yAxis: {
      type: 'category',
      name: names.potentialAxis,
      data: matrix.potential.edges.map((_, index) => binLabel(matrix.potential.edges, index)),
    },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, show: false },
    series: [
      {
        type: 'heatmap',
        data,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#d32f2f', type: 'dashed', width: 2 },
          label: { show: false },
          data: [{ xAxis: valueSplit }, { yAxis: potentialSplit }],
        },
      },
    ],
  };
}

/** The count pyramid beside the value pyramid, for the per-tier table. */
export function TierPyramids({ tiers, tierLabel, names }: TierPyramidsProps) {
  // Charts are set up again only when what they show changes (a new object would re-create them every render).
  const labels = tiers.tiers.map((slice) => tierLabel(slice.tier)).join('\u0000');
  const countOption = useMemo(() => pyramid(tiers, 'customerShare', tierLabel), [tiers, labels]);
  const valueOption = useMemo(() => pyramid(tiers, 'valueShare', tierLabel), [tiers, labels]);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      <Chart option={countOption} label={names.countPyramid} height={220} />
      <Chart option={valueOption} label={names.valuePyramid} height={220} />
    </Box>
  );
}

/** The value x potential density with its split lines, for the quadrant table. */
export function ValueMatrixChart({ matrix, names }: ValueMatrixChartProps) {
  const option = useMemo(() => heatmap(matrix, names), [matrix, names.valueAxis, names.potentialAxis]);
  return <Chart option={option} label={names.matrix} height={420} />;
}
