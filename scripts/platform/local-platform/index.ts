export { LocalPlatform, type LocalPlatformOptions } from './local-platform';
export { clockOffsetMs, clockOffsetTo } from './clock-offset';
