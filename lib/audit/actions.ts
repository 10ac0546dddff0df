// The closed list of audit actions (`resource.verb`), shared by the log, the API and the UI.
export const auditActions = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "user.created",
  "user.updated",
  "token.created",
  "token.revoked",
  "run.previewed",
  "run.started",
  "run.cancelled",
  "run.resumed",
  "run.retry_scheduled",
  "items.recorded",
  "export.downloaded",
  "audit.verified",
] as const;
