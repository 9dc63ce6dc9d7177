//! Ending the server when the client says `exit`. tower-lsp notices the exit only when the next
//! message arrives or stdin closes; a client that waits for the process to end would wait forever.
//! This wrapper signals as soon as the `exit` notification has been handled.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_service::Service;

pub struct StopOnExit<S> {
    inner: S,
    exited: Arc<Notify>,
}

impl<S> StopOnExit<S> {
    pub fn new(inner: S, exited: Arc<Notify>) -> Self {
        StopOnExit { inner, exited }
    }
}

impl<S> Service<Request> for StopOnExit<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let is_exit = request.method() == "exit";
        let response = self.inner.call(request);
        let exited = self.exited.clone();
        Box::pin(async move {
            let result = response.await;
            if is_exit {
                exited.notify_one();
            }
            result
        })
    }
}
