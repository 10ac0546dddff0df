// Toasts without sonner in the page: sonner (about 9 KB gzip) loads after the page with the
// <Toaster> (components/ui/toaster.tsx), and a toast is only raised once a request answers, by
// which time it is there; importing `toast` from "sonner" directly would put it in the page.
export const toast = {
  success: (message: string) =>
    void import("sonner").then((sonner) => sonner.toast.success(message)),
  error: (message: string) =>
    void import("sonner").then((sonner) => sonner.toast.error(message)),
};
