/** Shapes of API.md "Conventions" shared by every service. */
export interface ListResponse<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
/** The last page a list serves: further is a 400 naming `page`, not an OFFSET Postgres chokes on. */
export const PAGE_MAX = 10_000;

export interface ErrorDetail {
  /** Path of the bad field in the request body, e.g. `overrides[0].justification`. */
  field?: string;
  code: string;
  message: string;
  [extra: string]: unknown;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: ErrorDetail[];
    [extra: string]: unknown;
  };
}
