'use client';
import { ReactFlowProvider } from '@xyflow/react';
import { SchemaStoreProvider } from '@/lib/store/react';
import { SchemaCanvas } from '@/components/canvas/SchemaCanvas';
import { Toolbar } from './Toolbar';
import { sampleDocument } from './sample';

export function Editor() {
  return (
    <SchemaStoreProvider initial={sampleDocument}>
      <ReactFlowProvider>
        <div className="flex h-screen flex-col">
          <Toolbar />
          <main className="relative min-h-0 flex-1" aria-label="Schema canvas">
            <SchemaCanvas />
          </main>
        </div>
      </ReactFlowProvider>
    </SchemaStoreProvider>
  );
}
