/** Who the audit log names for writes made at this desk; the shell sets it from the carrier profile. */
let current = 'operator';

export const setOperator = (name: string | undefined) => {
  current = name?.trim() || 'operator';
};
export const operatorName = () => current;
