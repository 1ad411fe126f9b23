/** The Cedar policy the simulator starts with. The UI lets you edit it. */
export const DEFAULT_CEDAR_POLICY = `// Anyone with a valid token may call the two read-only tools.
permit (
  principal,
  action == Action::"call_tool",
  resource
) when {
  resource == Tool::"echo" || resource == Tool::"get_weather"
};

// Only callers whose token carries the admin role may delete records.
permit (
  principal,
  action == Action::"call_tool",
  resource == Tool::"delete_records"
) when {
  principal has claim_roles && principal.claim_roles.contains("admin")
};
`;
