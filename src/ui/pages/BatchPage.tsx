import { BatchWorkspace } from '../batch/BatchWorkspace';
import { workerRunner } from '../batch/client';

/** 협회 일괄: an association's batch, kept apart from the user's own claims (nothing here is stored). */
export default function BatchPage() {
  return <BatchWorkspace runner={workerRunner} />;
}
