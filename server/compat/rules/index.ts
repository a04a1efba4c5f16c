import { pathRemoved } from './path-removed.js';
import { pathAdded } from './path-added.js';
import { operationRemoved } from './operation-removed.js';
import { operationAdded } from './operation-added.js';
import { operationDeprecated } from './operation-deprecated.js';
import { operationReactivated } from './operation-reactivated.js';
import { requestParameterAddedRequired } from './request-parameter-added-required.js';
import { requestParameterAddedOptional } from './request-parameter-added-optional.js';
import { requestParameterRemoved } from './request-parameter-removed.js';
import { requestParameterBecameRequired } from './request-parameter-became-required.js';
import { requestParameterBecameOptional } from './request-parameter-became-optional.js';
import { requestBodyAddedRequired } from './request-body-added-required.js';
import { requestBodyAddedOptional } from './request-body-added-optional.js';
import { requestBodyRemoved } from './request-body-removed.js';
import { requestBodyBecameRequired } from './request-body-became-required.js';
import { requestBodyBecameOptional } from './request-body-became-optional.js';
import { requestMediaTypeRemoved } from './request-media-type-removed.js';
import { requestMediaTypeAdded } from './request-media-type-added.js';
import { responseStatusRemoved } from './response-status-removed.js';
import { responseStatusAdded } from './response-status-added.js';
import { responseErrorStatusRemoved } from './response-error-status-removed.js';
import { responseErrorStatusAdded } from './response-error-status-added.js';
import { responseMediaTypeRemoved } from './response-media-type-removed.js';
import { responseMediaTypeAdded } from './response-media-type-added.js';
import { responseHeaderRemoved } from './response-header-removed.js';
import { responseHeaderAdded } from './response-header-added.js';
import { responseOptionalHeaderRemoved } from './response-optional-header-removed.js';
import { responseOptionalHeaderAdded } from './response-optional-header-added.js';
import { responseHeaderBecameOptional } from './response-header-became-optional.js';
import { responseHeaderBecameRequired } from './response-header-became-required.js';
import { securityRequirementAdded } from './security-requirement-added.js';
import { securityRequirementRemoved } from './security-requirement-removed.js';
import { securityAlternativeAdded } from './security-alternative-added.js';
import { securityAlternativeRemoved } from './security-alternative-removed.js';
import { requestTypeNarrowed } from './request-type-narrowed.js';
import { requestTypeWidened } from './request-type-widened.js';
import { responseTypeWidened } from './response-type-widened.js';
import { responseTypeNarrowed } from './response-type-narrowed.js';
import { requestFormatChanged } from './request-format-changed.js';
import { responseFormatChanged } from './response-format-changed.js';
import { requestEnumValueRemoved } from './request-enum-value-removed.js';
import { requestEnumValueAdded } from './request-enum-value-added.js';
import { responseEnumValueAdded } from './response-enum-value-added.js';
import { responseEnumValueRemoved } from './response-enum-value-removed.js';
import { requestEnumAdded } from './request-enum-added.js';
import { requestEnumRemoved } from './request-enum-removed.js';
import { responseEnumRemoved } from './response-enum-removed.js';
import { responseEnumAdded } from './response-enum-added.js';
import { requestPropertyRemoved } from './request-property-removed.js';
import { requestPropertyAddedRequired } from './request-property-added-required.js';
import { requestPropertyAddedOptional } from './request-property-added-optional.js';
import { requestPropertyBecameRequired } from './request-property-became-required.js';
import { requestPropertyBecameOptional } from './request-property-became-optional.js';
import { responsePropertyRemoved } from './response-property-removed.js';
import { responseOptionalPropertyRemoved } from './response-optional-property-removed.js';
import { responsePropertyAdded } from './response-property-added.js';
import { responsePropertyBecameOptional } from './response-property-became-optional.js';
import { responsePropertyBecameRequired } from './response-property-became-required.js';
import { requestAdditionalPropertiesNarrowed } from './request-additional-properties-narrowed.js';
import { requestAdditionalPropertiesWidened } from './request-additional-properties-widened.js';
import { responseAdditionalPropertiesWidened } from './response-additional-properties-widened.js';
import { responseAdditionalPropertiesNarrowed } from './response-additional-properties-narrowed.js';
import { requestPatternChanged } from './request-pattern-changed.js';
import { responsePatternChanged } from './response-pattern-changed.js';
import { requestDefaultChanged } from './request-default-changed.js';
import { responseDefaultChanged } from './response-default-changed.js';
import { requestPropertyBecameReadOnly } from './request-property-became-read-only.js';
import { responsePropertyBecameWriteOnly } from './response-property-became-write-only.js';
import { requestVariantRemoved } from './request-variant-removed.js';
import { requestVariantAdded } from './request-variant-added.js';
import { responseVariantAdded } from './response-variant-added.js';
import { responseVariantRemoved } from './response-variant-removed.js';
import { requestMaxLengthIncreased } from './request-max-length-increased.js';
import { requestMaxLengthDecreased } from './request-max-length-decreased.js';
import { responseMaxLengthIncreased } from './response-max-length-increased.js';
import { responseMaxLengthDecreased } from './response-max-length-decreased.js';
import { requestMinLengthIncreased } from './request-min-length-increased.js';
import { requestMinLengthDecreased } from './request-min-length-decreased.js';
import { responseMinLengthIncreased } from './response-min-length-increased.js';
import { responseMinLengthDecreased } from './response-min-length-decreased.js';
import { requestMaxIncreased } from './request-max-increased.js';
import { requestMaxDecreased } from './request-max-decreased.js';
import { responseMaxIncreased } from './response-max-increased.js';
import { responseMaxDecreased } from './response-max-decreased.js';
import { requestMinIncreased } from './request-min-increased.js';
import { requestMinDecreased } from './request-min-decreased.js';
import { responseMinIncreased } from './response-min-increased.js';
import { responseMinDecreased } from './response-min-decreased.js';
import { requestMaxItemsIncreased } from './request-max-items-increased.js';
import { requestMaxItemsDecreased } from './request-max-items-decreased.js';
import { responseMaxItemsIncreased } from './response-max-items-increased.js';
import { responseMaxItemsDecreased } from './response-max-items-decreased.js';
import { requestMinItemsIncreased } from './request-min-items-increased.js';
import { requestMinItemsDecreased } from './request-min-items-decreased.js';
import { responseMinItemsIncreased } from './response-min-items-increased.js';
import { responseMinItemsDecreased } from './response-min-items-decreased.js';
import { requestMaxPropertiesIncreased } from './request-max-properties-increased.js';
import { requestMaxPropertiesDecreased } from './request-max-properties-decreased.js';
import { responseMaxPropertiesIncreased } from './response-max-properties-increased.js';
import { responseMaxPropertiesDecreased } from './response-max-properties-decreased.js';
import { requestMinPropertiesIncreased } from './request-min-properties-increased.js';
import { requestMinPropertiesDecreased } from './request-min-properties-decreased.js';
import { responseMinPropertiesIncreased } from './response-min-properties-increased.js';
import { responseMinPropertiesDecreased } from './response-min-properties-decreased.js';
import type { AnyRule } from '../rule.js';

/** Every rule the engine applies, listed explicitly so adding a rule is a reviewed change. */
export const rules: readonly AnyRule[] = [
  pathRemoved,
  pathAdded,
  operationRemoved,
  operationAdded,
  operationDeprecated,
  operationReactivated,
  requestParameterAddedRequired,
  requestParameterAddedOptional,
  requestParameterRemoved,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestBodyAddedRequired,
  requestBodyAddedOptional,
  requestBodyRemoved,
  requestBodyBecameRequired,
  requestBodyBecameOptional,
  requestMediaTypeRemoved,
  requestMediaTypeAdded,
  responseStatusRemoved,
  responseStatusAdded,
  responseErrorStatusRemoved,
  responseErrorStatusAdded,
  responseMediaTypeRemoved,
  responseMediaTypeAdded,
  responseHeaderRemoved,
  responseHeaderAdded,
  responseOptionalHeaderRemoved,
  responseOptionalHeaderAdded,
  responseHeaderBecameOptional,
  responseHeaderBecameRequired,
  securityRequirementAdded,
  securityRequirementRemoved,
  securityAlternativeAdded,
  securityAlternativeRemoved,
  requestTypeNarrowed,
  requestTypeWidened,
  responseTypeWidened,
  responseTypeNarrowed,
  requestFormatChanged,
  responseFormatChanged,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  requestEnumAdded,
  requestEnumRemoved,
  responseEnumRemoved,
  responseEnumAdded,
  requestPropertyRemoved,
  requestPropertyAddedRequired,
  requestPropertyAddedOptional,
  requestPropertyBecameRequired,
  requestPropertyBecameOptional,
  responsePropertyRemoved,
  responseOptionalPropertyRemoved,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  requestAdditionalPropertiesNarrowed,
  requestAdditionalPropertiesWidened,
  responseAdditionalPropertiesWidened,
  responseAdditionalPropertiesNarrowed,
  requestPatternChanged,
  responsePatternChanged,
  requestDefaultChanged,
  responseDefaultChanged,
  requestPropertyBecameReadOnly,
  responsePropertyBecameWriteOnly,
  requestVariantRemoved,
  requestVariantAdded,
  responseVariantAdded,
  responseVariantRemoved,
  requestMaxLengthIncreased,
  requestMaxLengthDecreased,
  responseMaxLengthIncreased,
  responseMaxLengthDecreased,
  requestMinLengthIncreased,
  requestMinLengthDecreased,
  responseMinLengthIncreased,
  responseMinLengthDecreased,
  requestMaxIncreased,
  requestMaxDecreased,
  responseMaxIncreased,
  responseMaxDecreased,
  requestMinIncreased,
  requestMinDecreased,
  responseMinIncreased,
  responseMinDecreased,
  requestMaxItemsIncreased,
  requestMaxItemsDecreased,
  responseMaxItemsIncreased,
  responseMaxItemsDecreased,
  requestMinItemsIncreased,
  requestMinItemsDecreased,
  responseMinItemsIncreased,
  responseMinItemsDecreased,
  requestMaxPropertiesIncreased,
  requestMaxPropertiesDecreased,
  responseMaxPropertiesIncreased,
  responseMaxPropertiesDecreased,
  requestMinPropertiesIncreased,
  requestMinPropertiesDecreased,
  responseMinPropertiesIncreased,
  responseMinPropertiesDecreased,
];
