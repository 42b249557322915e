export interface LinearFit {
  /** Change of y per unit of x. */
  slope: number;
  intercept: number;
  /** Coefficient of determination, 0..1: how much of y's variation the line explains. */
  rSquared: number;
}

/**
 * Ordinary least squares over the points. Undefined when the x values do not vary (no line
 * through them is better than another). A flat y gives R² 0: there is no trend to explain.
 */
export function fitLine(points: readonly { x: number; y: number }[]): LinearFit | undefined {
  const count = points.length;
  if (count < 2) return undefined;
  let meanX = 0;
  let meanY = 0;
  for (const { x, y } of points) {
    meanX += x / count;
    meanY += y / count;
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
    syy += (y - meanY) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const rSquared = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: meanY - slope * meanX, rSquared };
}
