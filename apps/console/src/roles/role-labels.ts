import { labels as auditor } from './auditor/labels';
import { labels as claimsProcessor } from './claims-processor/labels';
import { labels as evaluator } from './evaluator/labels';
import { labels as operator } from './operator/labels';
import { labels as physician } from './physician/labels';
import { labels as vendor } from './vendor/labels';

/** Each role's i18next namespace: its own folder's labels. */
export const roleLabels = { vendor, evaluator, physician, operator, 'claims-processor': claimsProcessor, auditor };
