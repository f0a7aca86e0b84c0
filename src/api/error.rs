//! Why a request for API data failed, in the terms a reader's message needs.
use std::fmt;

/// Each variant maps to one localized message; `NotFound` becomes the not-found page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// 404/410, or a static host answering a missing JSON file with its HTML fallback page.
    NotFound,
    /// The request never got an answer (no network, DNS, CORS).
    Offline,
    /// Any other non-2xx status.
    Status(u16),
    /// The body was not JSON of the contract's shape.
    Decode(String),
    /// No answer within [`super::client::TIMEOUT_MS`].
    Timeout,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound => f.write_str("not found"),
            ApiError::Offline => f.write_str("offline"),
            ApiError::Status(code) => write!(f, "HTTP status {code}"),
            ApiError::Decode(why) => write!(f, "unexpected data: {why}"),
            ApiError::Timeout => f.write_str("timed out"),
        }
    }
}

impl std::error::Error for ApiError {}

/// Classifies an HTTP answer before its body is read.
pub fn classify_response(status: u16, content_type: Option<&str>) -> Result<(), ApiError> {
    match status {
        200..=299 if content_type.is_some_and(|t| t.contains("text/html")) => Err(ApiError::NotFound),
        200..=299 => Ok(()),
        404 | 410 => Err(ApiError::NotFound),
        other => Err(ApiError::Status(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_errors() {
        assert_eq!(classify_response(200, Some("application/json")), Ok(()));
        assert_eq!(classify_response(204, None), Ok(()));
        assert_eq!(classify_response(404, None), Err(ApiError::NotFound));
        assert_eq!(classify_response(500, Some("application/json")), Err(ApiError::Status(500)));
        assert_eq!(classify_response(503, None), Err(ApiError::Status(503)));
    }

    #[test]
    fn an_spa_fallback_page_for_a_json_url_means_not_found() {
        assert_eq!(classify_response(200, Some("text/html; charset=utf-8")), Err(ApiError::NotFound));
    }
}
