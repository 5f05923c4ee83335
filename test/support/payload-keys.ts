// The Temporal payload key of the test runs, as a deployment's TEMPORAL_CODEC_KEYS (a test key only).
import { encryptingDataConverter, parseCodecKeys } from '../../documents/payload-codec.ts';

export const testCodecKeys = 'test-1:2ttEwEwpEIt1w4zUArSXYlrUF+CuYw54I1YKp4sSFcM=';
export const testDataConverter = encryptingDataConverter(parseCodecKeys(testCodecKeys));
