/**
 * A housing-like data set for the running example of Section 2, generated from a fixed seed:
 * x = (size in 1000 sq ft, bedrooms, walkability, neighbourhood wealth), y = price (in $100k).
 * The price is built the way Figure 2 tells the story: a family-size term from size and bedrooms,
 * a walkability term from the zip code, a school-quality term from zip code and wealth, each a
 * ReLU, plus a little noise; so the network of eq. 2.3 can fit it.
 */
import { createRng, uniform01 } from '../../reference/sampler.js';

export interface HousingExample {
  readonly features: [number, number, number, number];
  readonly price: number;
}

export function housingData(n: number, seed: number): HousingExample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const size = 0.5 + 3 * uniform01(rng);
    const bedrooms = 1 + Math.floor(5 * uniform01(rng));
    const walkability = uniform01(rng);
    const wealth = uniform01(rng);
    const familySize = Math.max(0, 0.8 * size + 0.3 * bedrooms - 1);
    const walkable = Math.max(0, 1.5 * walkability - 0.3);
    const school = Math.max(0, walkability + 2 * wealth - 1);
    const noise = 0.05 * (uniform01(rng) - 0.5);
    return { features: [size, bedrooms, walkability, wealth], price: 1 + 2 * familySize + walkable + 1.5 * school + noise };
  });
}
