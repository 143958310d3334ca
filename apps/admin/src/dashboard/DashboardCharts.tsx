import { Box } from '@mui/material';
import { FunnelChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { binLabel, type DashboardTiers, type ValueMatrix } from './dashboard-api';

// Loaded lazily (React.lazy in Dashboard.tsx): ECharts stays out of the login bundle.
echarts.use([FunnelChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

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

export interface DashboardChartsProps {
  tiers: DashboardTiers;
  matrix: ValueMatrix;
  tierLabel: (id: string) => string;
  names: { countPyramid: string; valuePyramid: string; matrix: string; valueAxis: string; potentialAxis: string };
}

/** A pyramid: the first tier (A) at the top, drawn narrowest when it is the smallest share. */
function pyramid(tiers: DashboardTiers, pick: 'customerShare' | 'valueShare', tierLabel: (id: string) => string): Option {
  return {
    tooltip: { trigger: 'item', valueFormatter: (value: unknown) => `${(Number(value) * 100).toFixed(1)}%` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '8%',
        left: '10%',
        width: '80%',
        label: { show: true, position: 'inside', formatter: '{b}: {d}%' },
        data: tiers.tiers.map((slice) => ({ name: `${slice.tier} ${tierLabel(slice.tier)}`, value: slice[pick] })),
      },
    ],
  };
}

function heatmap(matrix: ValueMatrix, names: DashboardChartsProps['names']): Option {
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

export default function DashboardCharts({ tiers, matrix, tierLabel, names }: DashboardChartsProps) {
  // Charts are set up again only when what they show changes (a new object would re-create them every render).
  const labels = tiers.tiers.map((slice) => tierLabel(slice.tier)).join('\u0000');
  const countOption = useMemo(() => pyramid(tiers, 'customerShare', tierLabel), [tiers, labels]);
  const valueOption = useMemo(() => pyramid(tiers, 'valueShare', tierLabel), [tiers, labels]);
  const matrixOption = useMemo(() => heatmap(matrix, names), [matrix, names.valueAxis, names.potentialAxis]);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Chart option={countOption} label={names.countPyramid} height={260} />
        <Chart option={valueOption} label={names.valuePyramid} height={260} />
      </Box>
      <Chart option={matrixOption} label={names.matrix} height={420} />
    </Box>
  );
}
