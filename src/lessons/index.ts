// The lessons' toolbox, re-exported through src/index.ts for the notebooks: display glue,
// explanations, exercises, reset, the lab's layers and mounts, and the pictures.
export { show, preformatted, setDisplaySink } from './display';
export type { Shown, DisplaySink } from './display';
export { say, lessonLanguage } from './text';
export type { Text, Language } from './text';
export { explain, explanation } from './explain';
export { exercise, pass, fail, checkAll, runAllChecks, Exercise } from './exercise';
export type { Verdict, ExerciseSpec, CheckRow } from './exercise';
export { defineLesson, resetLesson, currentLesson } from './lesson';
export { buildLayers, mountLayers, mountLine, stackDirs } from './lab';
export type { LayerSpec, LabLayer, LabMount } from './lab';
export { stackView } from './stack-view';
export type { NamedDir } from './stack-view';
export { layerChanges } from './changes';
export { listDir, dirListing } from './listing';
export { stackPicture, showStack, changesPicture, showChanges, showDir, treeBytes, sizesText, showSizes } from './pictures';
export { imageLayers, limitView, imageStackPicture, showImageStack, containerDirs, containerStackPicture, showContainerStack,
  foldChanges, imageChangesPicture, showImageChanges } from './image-view';
export type { ViewOptions, FoldOptions } from './image-view';
export { tarListing } from './tar-listing';
