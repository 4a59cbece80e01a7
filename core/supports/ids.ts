/** The supports of 人社部发〔2025〕5号 the desk follows, by their one name (code, UI keys, protocol). */
export const supportIds = [
  'startupSubsidy',
  'taxRelief',
  'guaranteeLoan',
  'loanRenewal',
  'jobRetentionLoan',
  'insuranceSubsidy',
  'flexibleInsurance',
  'freeResidency',
] as const;
export type SupportId = (typeof supportIds)[number];

/** A claim's life: prepared, submitted, decided (granted or rejected), paid; or withdrawn; a loan may default. */
export const claimStates = ['preparing', 'submitted', 'granted', 'rejected', 'paid', 'withdrawn', 'defaulted'] as const;
export type ClaimState = (typeof claimStates)[number];
