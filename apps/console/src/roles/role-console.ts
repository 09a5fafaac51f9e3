import type { ComponentType } from 'react';

/** One entry of a role's navigation: a path under its base, and a label key of its namespace. */
export interface NavItem {
  to: string;
  labelKey: string;
}

/**
 * What a role brings to the console: its i18next namespace, its navigation,
 * and its screens (a component of nested <Routes>, mounted under `/<base>/*`).
 */
export interface RoleConsole {
  base: string;
  namespace: string;
  nav: NavItem[];
  Screens: ComponentType;
}
