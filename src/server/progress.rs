//! Work-done progress (`$/progress`) for long work such as indexing, when the client supports it.
//! A client that does not answer the request to create a progress token gets no progress reports;
//! the work goes on regardless.

use std::time::Duration;

use tower_lsp::lsp_types::notification::Progress as ProgressNotification;
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::{
    NumberOrString, ProgressParams, ProgressParamsValue, WorkDoneProgress, WorkDoneProgressBegin,
    WorkDoneProgressCreateParams, WorkDoneProgressEnd, WorkDoneProgressReport,
};
use tower_lsp::Client;

const CREATE_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Progress {
    client: Client,
    /// `None` when the client cannot show progress.
    token: Option<NumberOrString>,
}

impl Progress {
    pub async fn begin(client: &Client, enabled: bool, token: String, title: &str) -> Progress {
        let token = NumberOrString::String(token);
        let created = enabled
            && matches!(
                tokio::time::timeout(
                    CREATE_TIMEOUT,
                    client.send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                        token: token.clone(),
                    }),
                )
                .await,
                Ok(Ok(()))
            );
        let progress = Progress {
            client: client.clone(),
            token: created.then_some(token),
        };
        progress
            .send(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: title.to_string(),
                cancellable: Some(false),
                message: None,
                percentage: Some(0),
            }))
            .await;
        progress
    }

    pub async fn report(&self, done: usize, total: usize, what: &str) {
        let percentage = (done * 100).checked_div(total).unwrap_or(100) as u32;
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: Some(false),
            message: Some(format!("{done}/{total} {what}")),
            percentage: Some(percentage),
        }))
        .await;
    }

    pub async fn end(self, message: String) {
        self.send(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(message),
        }))
        .await;
    }

    async fn send(&self, value: WorkDoneProgress) {
        if let Some(token) = &self.token {
            self.client
                .send_notification::<ProgressNotification>(ProgressParams {
                    token: token.clone(),
                    value: ProgressParamsValue::WorkDone(value),
                })
                .await;
        }
    }
}
