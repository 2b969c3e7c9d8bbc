// Sizes the device recount's indirect dispatch from the length of the suspect list, on the
// device, so the host never waits to read it: ⌈listed / RECOUNT_WORKGROUP⌉ workgroups, at most
// MAX_GROUPS (the recount walks the list grid-stride beyond that). One invocation.

@compute @workgroup_size(1)
fn main() {
  let listed = min(layout.$.suspects[0], layout.$.params.recheckCapacity);
  let groups = (listed + RECOUNT_WORKGROUP - 1u) / RECOUNT_WORKGROUP;
  layout.$.args[0] = min(groups, MAX_GROUPS);
  layout.$.args[1] = 1u;
  layout.$.args[2] = 1u;
}
