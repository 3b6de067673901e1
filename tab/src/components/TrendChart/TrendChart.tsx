import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

/** One line of the chart: a value per x label, or undefined where there is none to show (a hidden group). */
export interface TrendSeries {
  name: string;
  values: readonly (number | undefined)[];
}

// Colour and dash both tell the lines apart, so they stay distinguishable in high contrast and for colour blindness.
const COLOURS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorNeutralForeground1,
];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 4', '10 4'];

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  svg: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  legendItem: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
  },
});

/**
 * A small line chart (SVG, no chart library): one line per series across the x labels (年度), on a fixed scale from 0
 * to `max`. The picture is for the eye only: `description` says in words what it shows, and the caller keeps a table
 * with every figure next to it, so nothing is carried by the chart alone.
 */
export function TrendChart(props: {
  labels: readonly string[];
  series: readonly TrendSeries[];
  max: number;
  ticks: readonly number[];
  formatTick: (value: number) => string;
  description: string;
  testId: string;
}) {
  const styles = useStyles();
  const descriptionId = useId();
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (props.labels.length <= 1 ? plotWidth / 2 : (index / (props.labels.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (Math.min(value, props.max) / props.max) * plotHeight;
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-describedby={descriptionId}>
        {props.ticks.map((tick) => (
          <g key={tick}>
            <line
              className={tick === 0 ? styles.axis : styles.grid}
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className={styles.label} x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {props.formatTick(tick)}
            </text>
          </g>
        ))}
        {props.labels.map((label, index) => (
          <text key={label} className={styles.label} x={x(index)} y={HEIGHT - 8} textAnchor="middle">
            {label}
          </text>
        ))}
        {props.series.map((series, seriesIndex) => {
          const colour = COLOURS[seriesIndex % COLOURS.length];
          // Lines with equal values would hide one another: each is nudged a few pixels, in series order.
          const nudge = (seriesIndex - (props.series.length - 1) / 2) * 2.5;
          const yOf = (value: number) => y(value) + nudge;
          // A gap in the values (a hidden year) breaks the line rather than bridging it.
          const segments: string[] = [];
          let current = '';
          series.values.forEach((value, index) => {
            if (value === undefined) {
              if (current) segments.push(current);
              current = '';
              return;
            }
            current += `${current ? ' L' : 'M'} ${x(index).toFixed(1)} ${yOf(value).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={series.name} data-series={series.name}>
              {segments.map((path) => (
                <path
                  key={path}
                  d={path}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2.5}
                  strokeDasharray={DASHES[seriesIndex % DASHES.length]}
                />
              ))}
              {series.values.map((value, index) =>
                value === undefined ? null : (
                  <circle key={props.labels[index]} cx={x(index)} cy={yOf(value)} r={3.5} fill={colour} />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {props.series.map((series, seriesIndex) => (
          <li key={series.name} className={styles.legendItem}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={COLOURS[seriesIndex % COLOURS.length]}
                strokeWidth={2.5}
                strokeDasharray={DASHES[seriesIndex % DASHES.length]}
              />
            </svg>
            {series.name}
          </li>
        ))}
      </ul>
      <figcaption id={descriptionId}>{props.description}</figcaption>
    </figure>
  );
}
