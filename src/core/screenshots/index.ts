export { MAX_SCREENSHOT_BYTES, SURE_CONFIDENCE, checkScreenshotBytes, midnightOffsets, mergeReadings, readScreenshot, type ImageKind } from './read';
export { proposeRecords, toActivityRecord, type ProposedRecord, type ReadScreenshot } from './records';
export { ScreenshotError, type Box, type OcrEngine, type OcrModel, type OcrPass, type OcrWord, type ReadValue, type ScreenLayout, type ScreenReading, type ScreenRow } from './types';
