/**
 * The traffic tester's broker side (`accord listen`): reads the channels of an AsyncAPI contract,
 * taps MQTT, AMQP 0-9-1 and NATS brokers without taking messages from real consumers, validates
 * messages off the receive path and counts them into traffic windows.
 */
export { brokerChannelsOf, type BrokerChannel, type ChannelMessage } from './broker-channels.js';
export { openBrokerTap, protocolOf, type BrokerTap, type ReceivedMessage } from './broker-tap.js';
export { createChannelMatcher, type BrokerProtocol } from './channel-matcher.js';
export { createBrokerListener, type BrokerListener } from './create-broker-listener.js';
export { createMessageTally, type MessageTally } from './message-tally.js';
export { createMessageValidators } from './message-validators.js';
export { tapPatterns, type TapPattern } from './tap-patterns.js';
