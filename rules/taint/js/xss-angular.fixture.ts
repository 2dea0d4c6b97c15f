// Angular's DomSanitizer bypass methods (https://angular.dev/api/platform-browser/DomSanitizer): a value passed
// through them is trusted as HTML, a URL, a resource URL, script or style, so it must not carry input.
import { Component } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

@Component({ selector: 'app-preview', template: '<div [innerHTML]="html"></div>' })
export class PreviewComponent {
  html: SafeHtml;
  constructor(private sanitizer: DomSanitizer, private route: ActivatedRoute) {
    const fromHash = location.hash.slice(1);
    // ruleid: js.xss.dom
    this.html = this.sanitizer.bypassSecurityTrustHtml('<p>' + fromHash + '</p>');
    // ruleid: js.xss.dom
    const link = this.sanitizer.bypassSecurityTrustUrl(new URLSearchParams(location.search).get('next'));
    // ruleid: js.xss.dom
    const frame = this.sanitizer.bypassSecurityTrustResourceUrl(document.referrer);
    // ruleid: js.xss.dom
    const script = this.sanitizer.bypassSecurityTrustScript(window.name);
    // ruleid: js.xss.dom
    const style = this.sanitizer.bypassSecurityTrustStyle('color: ' + fromHash);
    // Constant markup is fine to trust.
    // ok: js.xss.dom
    const fixed = this.sanitizer.bypassSecurityTrustHtml('<b>static</b>');
    // Angular's own sanitising is applied when the value is bound without a bypass.
    // ok: js.xss.dom
    this.html = fromHash;
    console.log(link, frame, script, style, fixed);
  }
}

@Component({ selector: 'app-route-preview', template: '<div [innerHTML]="html"></div>' })
export class RoutePreviewComponent {
  html: SafeHtml;
  constructor(private sanitizer: DomSanitizer, private route: ActivatedRoute) {
    // Route parameters (Angular router) are not sources yet: a known gap.
    // todoruleid: js.xss.dom
    this.html = this.sanitizer.bypassSecurityTrustHtml(this.route.snapshot.queryParamMap.get('q'));
  }
}
