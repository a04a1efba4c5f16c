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
import { requestTypeChanged } from './request-type-changed.js';
import { responseTypeChanged } from './response-type-changed.js';
import { requestFormatChanged } from './request-format-changed.js';
import { responseFormatChanged } from './response-format-changed.js';
import { requestFormatAdded } from './request-format-added.js';
import { requestFormatRemoved } from './request-format-removed.js';
import { responseFormatAdded } from './response-format-added.js';
import { responseFormatRemoved } from './response-format-removed.js';
import { requestEnumValueRemoved } from './request-enum-value-removed.js';
import { requestEnumValueAdded } from './request-enum-value-added.js';
import { responseEnumValueAdded } from './response-enum-value-added.js';
import { responseEnumValueRemoved } from './response-enum-value-removed.js';
import { requestExtensibleEnumValueAdded } from './request-extensible-enum-value-added.js';
import { requestExtensibleEnumValueRemoved } from './request-extensible-enum-value-removed.js';
import { responseExtensibleEnumValueAdded } from './response-extensible-enum-value-added.js';
import { responseExtensibleEnumValueRemoved } from './response-extensible-enum-value-removed.js';
import { requestEnumBecameExtensible } from './request-enum-became-extensible.js';
import { responseEnumBecameExtensible } from './response-enum-became-extensible.js';
import { requestEnumBecameClosed } from './request-enum-became-closed.js';
import { responseEnumBecameClosed } from './response-enum-became-closed.js';
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
import { requestPatternAdded } from './request-pattern-added.js';
import { requestPatternRemoved } from './request-pattern-removed.js';
import { responsePatternAdded } from './response-pattern-added.js';
import { responsePatternRemoved } from './response-pattern-removed.js';
import { requestDefaultChanged } from './request-default-changed.js';
import { responseDefaultChanged } from './response-default-changed.js';
import { requestPropertyBecameReadOnly } from './request-property-became-read-only.js';
import { responsePropertyBecameWriteOnly } from './response-property-became-write-only.js';
import { requestAllOfMemberAdded } from './request-all-of-member-added.js';
import { requestAllOfMemberRemoved } from './request-all-of-member-removed.js';
import { responseAllOfMemberAdded } from './response-all-of-member-added.js';
import { responseAllOfMemberRemoved } from './response-all-of-member-removed.js';
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
import { webhookAdded } from './webhook-added.js';
import { webhookRemoved } from './webhook-removed.js';
import { callbackAdded } from './callback-added.js';
import { callbackRemoved } from './callback-removed.js';
import { responseParameterRemoved } from './response-parameter-removed.js';
import { responseParameterAdded } from './response-parameter-added.js';
import { responseRequestBodyRemoved } from './response-request-body-removed.js';
import { responseRequestBodyAdded } from './response-request-body-added.js';
import { operationRemovedBeforeSunset } from './operation-removed-before-sunset.js';
import { operationRemovedAfterSunset } from './operation-removed-after-sunset.js';
import { operationSunsetTooSoon } from './operation-sunset-too-soon.js';
import { operationSunsetBroughtForward } from './operation-sunset-brought-forward.js';
import { operationIdChanged } from './operation-id-changed.js';
import { requestParameterDeprecated } from './request-parameter-deprecated.js';
import { requestParameterRemovedBeforeSunset } from './request-parameter-removed-before-sunset.js';
import { requestParameterRemovedAfterSunset } from './request-parameter-removed-after-sunset.js';
import { requestParameterSunsetTooSoon } from './request-parameter-sunset-too-soon.js';
import { securityScopeAdded } from './security-scope-added.js';
import { securityScopeRemoved } from './security-scope-removed.js';
import { securitySchemeTypeChanged } from './security-scheme-type-changed.js';
import { securitySchemeApiKeyMoved } from './security-scheme-api-key-moved.js';
import { securitySchemeUrlChanged } from './security-scheme-url-changed.js';
import { securitySchemeFlowRemoved } from './security-scheme-flow-removed.js';
import { securitySchemeFlowAdded } from './security-scheme-flow-added.js';
import { serverUrlAdded } from './server-url-added.js';
import { serverUrlRemoved } from './server-url-removed.js';
import { serverUrlAlternativeRemoved } from './server-url-alternative-removed.js';
import { serverUrlPathChanged } from './server-url-path-changed.js';
import { serverUrlSchemeChanged } from './server-url-scheme-changed.js';
import { serverVariableDefaultChanged } from './server-variable-default-changed.js';
import { serverVariableEnumValueRemoved } from './server-variable-enum-value-removed.js';
import { serverVariableEnumValueAdded } from './server-variable-enum-value-added.js';
import { serverRemoved } from './server-removed.js';
import { serverAdded } from './server-added.js';
import { serverProtocolChanged } from './server-protocol-changed.js';
import { serverProtocolVersionChanged } from './server-protocol-version-changed.js';
import { serverHostChanged } from './server-host-changed.js';
import { channelRemoved } from './channel-removed.js';
import { channelAdded } from './channel-added.js';
import { channelAddressChanged } from './channel-address-changed.js';
import { channelParameterAdded } from './channel-parameter-added.js';
import { channelParameterRemoved } from './channel-parameter-removed.js';
import { channelParameterEnumValueRemoved } from './channel-parameter-enum-value-removed.js';
import { channelParameterEnumValueAdded } from './channel-parameter-enum-value-added.js';
import { channelOperationRemoved } from './channel-operation-removed.js';
import { channelOperationRemovedBeforeSunset } from './channel-operation-removed-before-sunset.js';
import { channelOperationRemovedAfterSunset } from './channel-operation-removed-after-sunset.js';
import { channelOperationAdded } from './channel-operation-added.js';
import { channelOperationActionChanged } from './channel-operation-action-changed.js';
import { requestMessageRemoved } from './request-message-removed.js';
import { requestMessageAdded } from './request-message-added.js';
import { responseMessageAdded } from './response-message-added.js';
import { responseMessageRemoved } from './response-message-removed.js';
import { messageContentTypeChanged } from './message-content-type-changed.js';
import { messageOpaquePayloadChanged } from './message-opaque-payload-changed.js';
import { messageCorrelationIdRemoved } from './message-correlation-id-removed.js';
import { messageCorrelationIdAdded } from './message-correlation-id-added.js';
import { messageCorrelationIdChanged } from './message-correlation-id-changed.js';
import { kafkaTopicChanged } from './kafka-topic-changed.js';
import { kafkaPartitionsIncreased } from './kafka-partitions-increased.js';
import { kafkaPartitionsDecreased } from './kafka-partitions-decreased.js';
import { amqpExchangeChanged } from './amqp-exchange-changed.js';
import { amqpQueueChanged } from './amqp-queue-changed.js';
import { amqpChannelKindChanged } from './amqp-channel-kind-changed.js';
import { mqttQosDecreased } from './mqtt-qos-decreased.js';
import { mqttQosIncreased } from './mqtt-qos-increased.js';
import { mqttRetainChanged } from './mqtt-retain-changed.js';
import { requestMultipleOfChanged } from './request-multiple-of-changed.js';
import { responseMultipleOfChanged } from './response-multiple-of-changed.js';
import { requestUniqueItemsChanged } from './request-unique-items-changed.js';
import { responseUniqueItemsChanged } from './response-unique-items-changed.js';
import { requestFalseSchemaAdded } from './request-false-schema-added.js';
import { requestFalseSchemaRemoved } from './request-false-schema-removed.js';
import { responseFalseSchemaAdded } from './response-false-schema-added.js';
import { responseFalseSchemaRemoved } from './response-false-schema-removed.js';
import { requestNotChanged } from './request-not-changed.js';
import { responseNotChanged } from './response-not-changed.js';
import { requestPatternPropertiesChanged } from './request-pattern-properties-changed.js';
import { responsePatternPropertiesChanged } from './response-pattern-properties-changed.js';
import { requestConstraintTightened } from './request-constraint-tightened.js';
import { requestConstraintLoosened } from './request-constraint-loosened.js';
import { requestConstraintReplaced } from './request-constraint-replaced.js';
import { responseConstraintTightened } from './response-constraint-tightened.js';
import { responseConstraintLoosened } from './response-constraint-loosened.js';
import { responseConstraintReplaced } from './response-constraint-replaced.js';
import { requestDependentRequiredAdded } from './request-dependent-required-added.js';
import { requestDependentRequiredRemoved } from './request-dependent-required-removed.js';
import { responseDependentRequiredAdded } from './response-dependent-required-added.js';
import { responseDependentRequiredRemoved } from './response-dependent-required-removed.js';
import { requestStringContentChanged } from './request-string-content-changed.js';
import { responseStringContentChanged } from './response-string-content-changed.js';
import { requestDiscriminatorPropertyChanged } from './request-discriminator-property-changed.js';
import { responseDiscriminatorPropertyChanged } from './response-discriminator-property-changed.js';
import { requestDiscriminatorMappingRemoved } from './request-discriminator-mapping-removed.js';
import { requestDiscriminatorMappingAdded } from './request-discriminator-mapping-added.js';
import { responseDiscriminatorMappingAdded } from './response-discriminator-mapping-added.js';
import { responseDiscriminatorMappingRemoved } from './response-discriminator-mapping-removed.js';
import { documentSelfChanged } from './document-self-changed.js';
import { tagParentChanged } from './tag-parent-changed.js';
import { tagKindChanged } from './tag-kind-changed.js';
import type { AnyRule } from '../rule.js';
import { webhookRemovedBeforeSunset } from './webhook-removed-before-sunset.js';
import { webhookRemovedAfterSunset } from './webhook-removed-after-sunset.js';
import { callbackRemovedBeforeSunset } from './callback-removed-before-sunset.js';
import { callbackRemovedAfterSunset } from './callback-removed-after-sunset.js';
import { responseParameterRemovedBeforeSunset } from './response-parameter-removed-before-sunset.js';
import { responseParameterRemovedAfterSunset } from './response-parameter-removed-after-sunset.js';
import { responseParameterDeprecated } from './response-parameter-deprecated.js';
import { responseParameterSunsetTooSoon } from './response-parameter-sunset-too-soon.js';
import { requestParameterSunsetBroughtForward } from './request-parameter-sunset-brought-forward.js';
import { responseParameterSunsetBroughtForward } from './response-parameter-sunset-brought-forward.js';
import { requestUnionAdded } from './request-union-added.js';
import { requestUnionRemoved } from './request-union-removed.js';
import { responseUnionAdded } from './response-union-added.js';
import { responseUnionRemoved } from './response-union-removed.js';

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
  requestTypeChanged,
  responseTypeChanged,
  requestFormatChanged,
  responseFormatChanged,
  requestFormatAdded,
  requestFormatRemoved,
  responseFormatAdded,
  responseFormatRemoved,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  requestExtensibleEnumValueAdded,
  requestExtensibleEnumValueRemoved,
  responseExtensibleEnumValueAdded,
  responseExtensibleEnumValueRemoved,
  requestEnumBecameExtensible,
  responseEnumBecameExtensible,
  requestEnumBecameClosed,
  responseEnumBecameClosed,
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
  requestPatternAdded,
  requestPatternRemoved,
  responsePatternAdded,
  responsePatternRemoved,
  requestDefaultChanged,
  responseDefaultChanged,
  requestPropertyBecameReadOnly,
  responsePropertyBecameWriteOnly,
  requestAllOfMemberAdded,
  requestAllOfMemberRemoved,
  responseAllOfMemberAdded,
  responseAllOfMemberRemoved,
  requestUnionAdded,
  requestUnionRemoved,
  responseUnionAdded,
  responseUnionRemoved,
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
  webhookAdded,
  webhookRemoved,
  callbackAdded,
  callbackRemoved,
  responseParameterRemoved,
  responseParameterAdded,
  responseRequestBodyRemoved,
  responseRequestBodyAdded,
  operationRemovedBeforeSunset,
  operationRemovedAfterSunset,
  operationSunsetTooSoon,
  operationSunsetBroughtForward,
  operationIdChanged,
  requestParameterDeprecated,
  documentSelfChanged,
  tagParentChanged,
  tagKindChanged,
  requestParameterRemovedBeforeSunset,
  requestParameterRemovedAfterSunset,
  requestParameterSunsetTooSoon,
  requestParameterSunsetBroughtForward,
  responseParameterDeprecated,
  responseParameterSunsetTooSoon,
  responseParameterSunsetBroughtForward,
  responseParameterRemovedBeforeSunset,
  responseParameterRemovedAfterSunset,
  webhookRemovedBeforeSunset,
  webhookRemovedAfterSunset,
  callbackRemovedBeforeSunset,
  callbackRemovedAfterSunset,
  securityScopeAdded,
  securityScopeRemoved,
  securitySchemeTypeChanged,
  securitySchemeApiKeyMoved,
  securitySchemeUrlChanged,
  securitySchemeFlowRemoved,
  securitySchemeFlowAdded,
  serverUrlAdded,
  serverUrlRemoved,
  serverUrlAlternativeRemoved,
  serverUrlPathChanged,
  serverUrlSchemeChanged,
  serverVariableDefaultChanged,
  serverVariableEnumValueRemoved,
  serverVariableEnumValueAdded,
  serverRemoved,
  serverAdded,
  serverProtocolChanged,
  serverProtocolVersionChanged,
  serverHostChanged,
  channelRemoved,
  channelAdded,
  channelAddressChanged,
  channelParameterAdded,
  channelParameterRemoved,
  channelParameterEnumValueRemoved,
  channelParameterEnumValueAdded,
  channelOperationRemoved,
  channelOperationRemovedBeforeSunset,
  channelOperationRemovedAfterSunset,
  channelOperationAdded,
  channelOperationActionChanged,
  requestMessageRemoved,
  requestMessageAdded,
  responseMessageAdded,
  responseMessageRemoved,
  messageContentTypeChanged,
  messageOpaquePayloadChanged,
  messageCorrelationIdRemoved,
  messageCorrelationIdAdded,
  messageCorrelationIdChanged,
  kafkaTopicChanged,
  kafkaPartitionsIncreased,
  kafkaPartitionsDecreased,
  amqpExchangeChanged,
  amqpQueueChanged,
  amqpChannelKindChanged,
  mqttQosDecreased,
  mqttQosIncreased,
  mqttRetainChanged,
  requestMultipleOfChanged,
  responseMultipleOfChanged,
  requestUniqueItemsChanged,
  responseUniqueItemsChanged,
  requestFalseSchemaAdded,
  requestFalseSchemaRemoved,
  responseFalseSchemaAdded,
  responseFalseSchemaRemoved,
  requestNotChanged,
  responseNotChanged,
  requestPatternPropertiesChanged,
  responsePatternPropertiesChanged,
  requestDependentRequiredAdded,
  requestDependentRequiredRemoved,
  responseDependentRequiredAdded,
  responseDependentRequiredRemoved,
  requestStringContentChanged,
  responseStringContentChanged,
  requestDiscriminatorPropertyChanged,
  responseDiscriminatorPropertyChanged,
  requestDiscriminatorMappingRemoved,
  requestDiscriminatorMappingAdded,
  responseDiscriminatorMappingAdded,
  responseDiscriminatorMappingRemoved,
  requestConstraintTightened,
  requestConstraintLoosened,
  requestConstraintReplaced,
  responseConstraintTightened,
  responseConstraintLoosened,
  responseConstraintReplaced,
];
