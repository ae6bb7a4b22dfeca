// The review window's entry: the same bridge choice, its own store, the review list.
import { chooseApi } from './api/bridge.ts';
import { mountWindow } from './mount.tsx';
import { createReviewStore } from './store/reviewStore.ts';
import { ReviewApp } from './views/ReviewApp.tsx';

mountWindow(createReviewStore(chooseApi()), <ReviewApp />);
