import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface Props {
  height: number;
  /** Used until the frame is measured, and where nothing can measure it (tests, print). */
  fallbackWidth?: number;
  className?: string;
  children: (size: { width: number; height: number }) => ReactNode;
}

/**
 * Gives a chart an explicit size: its container's width (followed with ResizeObserver) or a fixed
 * fallback. Recharts draws nothing at width 0, which is what jsdom and a hidden tab report.
 */
export function ChartFrame({ height, fallbackWidth = 720, className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const used = width > 0 ? width : fallbackWidth;
  return (
    <div ref={ref} className={className} style={{ width: '100%', minHeight: height }}>
      {children({ width: used, height })}
    </div>
  );
}
