// Types of the validators scripts/compile-schemas.ts generates.
import type { ValidateFunction } from 'ajv';

export const validateLayer: ValidateFunction;
export const validateEvents: ValidateFunction;
export const validateTour: ValidateFunction;
